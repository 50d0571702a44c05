package io.omnichannel.gateway.adapters.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailCharsetsTest {

    @Test
    void mapsNarrowLabelsToTheSupersetsMailMeans() {
        assertThat(MailCharsets.forName("gb2312")).isEqualTo(Charset.forName("GB18030"));
        assertThat(MailCharsets.forName("GBK")).isEqualTo(Charset.forName("GB18030"));
        assertThat(MailCharsets.forName("gb_2312-80")).isEqualTo(Charset.forName("GB18030"));
        assertThat(MailCharsets.forName("iso-8859-8-i")).isEqualTo(Charset.forName("ISO-8859-8"));
        assertThat(MailCharsets.forName("ks_c_5601-1987")).isEqualTo(Charset.forName("x-windows-949"));
        assertThat(MailCharsets.forName("\"ISO-2022-JP\"")).isEqualTo(Charset.forName("x-windows-iso2022jp"));
        assertThat(MailCharsets.forName(" UTF-8 ")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void neverFailsOnALabel() {
        assertThat(MailCharsets.forName(null)).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(MailCharsets.resolve("utf-7")).isEqualTo(new MailCharsets.Resolution(Charset.forName("windows-1252"),
                "charset 'utf-7' is not supported: decoded as windows-1252"));
        assertThat(MailCharsets.resolve("no such charset!")).isEqualTo(new MailCharsets.Resolution(Charset.forName("windows-1252"),
                "charset 'no such charset!' unknown: decoded as windows-1252"));
        assertThat(MailCharsets.resolve("iso-8859-15").note()).isNull();
    }

    @Test
    void decodesTheNecCharactersOfIso2022JpSubjects() {
        ParsedEmail email = EmailSamples.parse("mime/phpmimemailparser_issue116_iso-2022-jp-subject.eml");

        assertThat(email.subject()).isEqualTo("ЖД№41 от 28.09.2016");
        assertThat(email.language()).isEqualTo("ru-RU");
        assertThat(email.notes()).isEmpty();
    }
}
