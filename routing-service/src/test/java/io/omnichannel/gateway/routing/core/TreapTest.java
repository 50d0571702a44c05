package io.omnichannel.gateway.routing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TreapTest {

    private static final Comparator<Element> ORDER = Comparator.comparingInt((Element e) -> e.key).thenComparingInt(e -> e.id);

    @Test
    void keepsElementsInOrderThroughRandomAddsAndRemovals() {
        Random random = new Random(7);
        Treap<Element> treap = new Treap<>(ORDER);
        TreeSet<Element> expected = new TreeSet<>(ORDER);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            elements.add(new Element(i));
        }
        for (int step = 0; step < 20_000; step++) {
            Element element = elements.get(random.nextInt(elements.size()));
            int dice = random.nextInt(10);
            if (dice < 5) {
                if (!element.linked) {
                    element.key = random.nextInt(100); // keys change only while out of the treap
                    treap.add(element);
                    expected.add(element);
                }
            } else if (dice < 8) {
                if (element.linked) {
                    treap.remove(element);
                    expected.remove(element);
                }
            } else {
                assertThat(treap.pollFirst()).isSameAs(expected.pollFirst());
            }
            assertThat(treap.size()).isEqualTo(expected.size());
            assertThat(treap.first()).isSameAs(expected.isEmpty() ? null : expected.first());
            if (step % 97 == 0) {
                assertThat(treap).containsExactlyElementsOf(expected);
                for (Element each : elements) {
                    assertThat(treap.contains(each)).isEqualTo(expected.contains(each));
                }
            }
        }
    }

    @Test
    void emptyTreapHasNoFirstElement() {
        Treap<Element> treap = new Treap<>(ORDER);

        assertThat(treap.isEmpty()).isTrue();
        assertThat(treap.first()).isNull();
        assertThat(treap.pollFirst()).isNull();
        assertThat(treap).isEmpty();
    }

    @Test
    void refusesToLinkAnElementTwiceOrUnlinkAForeignOne() {
        Treap<Element> treap = new Treap<>(ORDER);
        Element element = new Element(1);
        treap.add(element);

        assertThatThrownBy(() -> treap.add(element)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> treap.remove(new Element(2))).isInstanceOf(IllegalStateException.class);
    }

    private static final class Element extends Treap.Node<Element> {
        final int id;
        int key;

        Element(int id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return id + "@" + key;
        }
    }
}
