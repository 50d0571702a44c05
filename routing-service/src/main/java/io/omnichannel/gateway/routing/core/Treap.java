package io.omnichannel.gateway.routing.core;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An ordered set whose elements are their own tree nodes (an intrusive treap with parent links): adding
 * costs O(log n) comparisons, removing a known element costs no comparison (it is rotated down and
 * unlinked), and the first element is kept at hand, so taking it is O(1) amortized. Fewer objects to read
 * than a {@link java.util.TreeSet} (no entry object per element) and no search on removal.
 *
 * <p>An element belongs to at most one treap at a time. The order must not change for an element while it
 * is in the treap, and must be total on distinct elements (never 0).
 */
final class Treap<N extends Treap.Node<N>> implements Iterable<N> {

    /** The links an element carries. */
    abstract static class Node<N extends Node<N>> {
        N left;
        N right;
        N parent;
        int priority;
        boolean linked;
    }

    private final Comparator<? super N> order;
    private N root;
    private N first;
    private int size;
    private int random = 0x2545F491;

    Treap(Comparator<? super N> order) {
        this.order = order;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return root == null;
    }

    /** The first element, or null. */
    N first() {
        return first;
    }

    boolean contains(N node) {
        if (!node.linked) {
            return false;
        }
        N top = node;
        while (top.parent != null) {
            top = top.parent;
        }
        return top == root;
    }

    void add(N node) {
        if (node.linked) {
            throw new IllegalStateException("already in a treap");
        }
        node.left = null;
        node.right = null;
        node.parent = null;
        node.priority = nextPriority();
        node.linked = true;
        size++;
        if (root == null) {
            root = node;
            first = node;
            return;
        }
        N at = root;
        boolean leftmost = true;
        while (true) {
            if (order.compare(node, at) < 0) {
                if (at.left == null) {
                    at.left = node;
                    break;
                }
                at = at.left;
            } else {
                leftmost = false;
                if (at.right == null) {
                    at.right = node;
                    break;
                }
                at = at.right;
            }
        }
        node.parent = at;
        if (leftmost) {
            first = node;
        }
        while (node.parent != null && node.priority < node.parent.priority) {
            rotateUp(node);
        }
    }

    void remove(N node) {
        if (!node.linked) {
            throw new IllegalStateException("not in a treap");
        }
        if (node == first) {
            first = successor(node);
        }
        while (node.left != null && node.right != null) {
            rotateUp(node.left.priority < node.right.priority ? node.left : node.right);
        }
        N child = node.left != null ? node.left : node.right;
        N parent = node.parent;
        if (child != null) {
            child.parent = parent;
        }
        if (parent == null) {
            root = child;
        } else if (parent.left == node) {
            parent.left = child;
        } else {
            parent.right = child;
        }
        node.left = null;
        node.right = null;
        node.parent = null;
        node.linked = false;
        size--;
    }

    /** Removes and returns the first element, or null. */
    N pollFirst() {
        N head = first;
        if (head != null) {
            remove(head);
        }
        return head;
    }

    /** The element after {@code node} in this treap's order, or null. */
    static <N extends Node<N>> N successor(N node) {
        if (node.right != null) {
            N next = node.right;
            while (next.left != null) {
                next = next.left;
            }
            return next;
        }
        N child = node;
        N parent = node.parent;
        while (parent != null && child == parent.right) {
            child = parent;
            parent = parent.parent;
        }
        return parent;
    }

    @Override
    public Iterator<N> iterator() {
        return new Iterator<>() {
            private N next = first;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public N next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                N current = next;
                next = successor(current);
                return current;
            }
        };
    }

    private void rotateUp(N node) {
        N parent = node.parent;
        N grandparent = parent.parent;
        if (parent.left == node) {
            parent.left = node.right;
            if (node.right != null) {
                node.right.parent = parent;
            }
            node.right = parent;
        } else {
            parent.right = node.left;
            if (node.left != null) {
                node.left.parent = parent;
            }
            node.left = parent;
        }
        parent.parent = node;
        node.parent = grandparent;
        if (grandparent == null) {
            root = node;
        } else if (grandparent.left == parent) {
            grandparent.left = node;
        } else {
            grandparent.right = node;
        }
    }

    /** Xorshift: priorities only need to look random, and the same sequence every run keeps runs repeatable. */
    private int nextPriority() {
        int x = random;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        random = x;
        return x;
    }
}
