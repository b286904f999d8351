package app.ferry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurlFormArgumentTest {

    @TempDir
    Path dir;
    private Path photo;

    @BeforeEach
    void createFiles() throws IOException {
        photo = Files.write(dir.resolve("2.jpg"), new byte[] {1, 2, 3});
    }

    private static void assertInvalid(String argument, String message) {
        assertThatThrownBy(() -> CurlFormArgument.parse(argument))
                .isInstanceOf(InvalidFormArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void textFields() {
        assertThat(CurlFormArgument.parse("username=Mike")).isEqualTo(new FormPart.TextField("username", "Mike"));
        assertThat(CurlFormArgument.parse("empty=")).isEqualTo(new FormPart.TextField("empty", ""));
        assertThat(CurlFormArgument.parse("eq=a=b")).isEqualTo(new FormPart.TextField("eq", "a=b"));
        assertThat(CurlFormArgument.parse("q=\"a;b \\\"c\\\" \\\\ d\""))
                .isEqualTo(new FormPart.TextField("q", "a;b \"c\" \\ d"));
        assertThat(CurlFormArgument.parse("名前=値")).isEqualTo(new FormPart.TextField("名前", "値"));
    }

    @Test
    void fileFields() {
        assertThat(CurlFormArgument.parse("userfile[]=@" + photo))
                .isEqualTo(new FormPart.FileField("userfile[]", photo, "2.jpg", "image/jpeg"));
        assertThat(CurlFormArgument.parse("photo=@" + photo + ";type=image/png;filename=aaa.png"))
                .isEqualTo(new FormPart.FileField("photo", photo, "aaa.png", "image/png"));
        assertThat(CurlFormArgument.parse("photo=@" + photo + "; filename=\"my; \\\"best\\\".jpg\" ;type=image/jpeg"))
                .isEqualTo(new FormPart.FileField("photo", photo, "my; \"best\".jpg", "image/jpeg"));
        assertThat(CurlFormArgument.parse("photo=@\"" + photo + "\";type=\"text/plain; charset=utf-8\""))
                .isEqualTo(new FormPart.FileField("photo", photo, "2.jpg", "text/plain; charset=utf-8"));
    }

    @Test
    void aFileWithASemicolonInItsPathMustBeQuoted() throws IOException {
        Path odd = Files.writeString(dir.resolve("a;b.txt"), "x");
        assertThat(CurlFormArgument.parse("f=@\"" + odd + "\""))
                .isEqualTo(new FormPart.FileField("f", odd, "a;b.txt", "text/plain"));
        assertInvalid("f=@" + odd, "-F \"f=@" + odd + "\": file not found: " + dir.resolve("a"));
    }

    @Test
    void textReadFromAFile() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "line 1\nüñí\n");
        assertThat(CurlFormArgument.parse("notes=<" + notes)).isEqualTo(new FormPart.TextField("notes", "line 1\nüñí\n"));
    }

    @Test
    void textFromAFileIsCappedAtOneMebibyteAndMustBeUtf8() throws IOException {
        Path big = Files.write(dir.resolve("big.txt"), new byte[(1 << 20) + 1]);
        assertInvalid("notes=<" + big, "-F \"notes=<" + big + "\": " + big
                + " is larger than 1 MiB, too big for a text field; send it as a file: notes=@" + big);
        Path exactlyOneMiB = Files.write(dir.resolve("max.txt"), new byte[1 << 20]);
        assertThat(((FormPart.TextField) CurlFormArgument.parse("n=<" + exactlyOneMiB)).value()).hasSize(1 << 20);
        Path binary = Files.write(dir.resolve("bin.dat"), new byte[] {(byte) 0xff, (byte) 0xfe});
        assertInvalid("n=<" + binary, "-F \"n=<" + binary + "\": " + binary
                + " is not UTF-8 text; send it as a file: n=@" + binary);
    }

    @Test
    void malformedArguments() {
        assertInvalid("photo", "-F \"photo\": expected NAME=VALUE or NAME=@FILE");
        assertInvalid("", "-F \"\": expected NAME=VALUE or NAME=@FILE");
        assertInvalid("=x", "-F \"=x\": the field name is empty; expected NAME=VALUE or NAME=@FILE");
        assertInvalid("photo=@", "-F \"photo=@\": no file after @; expected photo=@FILE, e.g. photo=@photo.jpg");
        assertInvalid("notes=<", "-F \"notes=<\": no file after <; expected notes=<FILE, e.g. notes=<photo.jpg");
        assertInvalid("q=\"abc", "-F \"q=\"abc\": missing closing quote after \"abc; expected a quoted value like"
                + " NAME=\"a;b\"");
        assertInvalid("q=\"abc\"def", "-F \"q=\"abc\"def\": unexpected \"def\" after the closing quote;"
                + " expected ; or the end of the argument");
        assertInvalid("q=a;b", "-F \"q=a;b\": options after ';' apply only to files (q=@FILE;type=...);"
                + " to send a ';' in a value, quote it: q=\"a;b\"");
    }

    @Test
    void malformedFileOptions() {
        String file = "photo=@" + photo;
        assertInvalid(file + ";tipe=image/jpeg", "-F \"" + file + ";tipe=image/jpeg\": unknown option \"tipe\";"
                + " expected ;type=MEDIA/TYPE or ;filename=NAME");
        assertInvalid(file + ";headers=X-A: 1", "-F \"" + file + ";headers=X-A: 1\": unknown option \"headers\";"
                + " expected ;type=MEDIA/TYPE or ;filename=NAME");
        assertInvalid(file + ";oops", "-F \"" + file + ";oops\": unknown option \"oops\";"
                + " expected ;type=MEDIA/TYPE or ;filename=NAME");
        assertInvalid(file + ";type=jpeg", "-F \"" + file + ";type=jpeg\": \"jpeg\" is not a media type;"
                + " expected e.g. ;type=image/jpeg");
        assertInvalid(file + ";filename=", "-F \"" + file + ";filename=\": the file name is empty;"
                + " expected ;filename=NAME, e.g. ;filename=photo.jpg");
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() {
        Path missing = dir.resolve("nope.jpg");
        assertInvalid("photo=@" + missing, "-F \"photo=@" + missing + "\": file not found: " + missing);
        assertInvalid("notes=<" + missing, "-F \"notes=<" + missing + "\": file not found: " + missing);
        assertInvalid("photo=@" + dir, "-F \"photo=@" + dir + "\": " + dir + " is a directory, not a file");
        assertInvalid("photo=@bad\0path", "-F \"photo=@bad\0path\": \"bad\0path\" is not a valid path:"
                + " Nul character not allowed");
    }

    @Test
    void invalidArgumentsAreIllegalArgumentsThatKeepTheArgument() {
        assertThatThrownBy(() -> CurlFormArgument.parse("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(((InvalidFormArgumentException) e).argument()).isEqualTo("x"));
    }
}
