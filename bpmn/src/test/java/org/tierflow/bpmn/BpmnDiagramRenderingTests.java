package org.tierflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every model to {@code docs/images/bpmn/<processId>.png} with Flowable's diagram generator, in a
 * font that shows the Chinese names, and checks that the picture is a real diagram.
 *
 * <p>The font comes from a Maven Central test dependency (see {@code bpmn/pom.xml}), so nothing needs to
 * be installed on the machine.
 */
class BpmnDiagramRenderingTests {

    /** Noto Sans CJK SC Regular inside {@code com.github.xingfudeshi:jasperreports-fonts}. */
    static final String CJK_FONT_RESOURCE = "com/github/xingfudeshi/fonts/思源黑体正常_0.ttf";

    private static String fontFamily;

    static List<String> resources() {
        return BpmnTestModels.resources().toList();
    }

    @BeforeAll
    static void registerCjkFont() throws IOException, FontFormatException {
        try (InputStream in = BpmnDiagramRenderingTests.class.getClassLoader().getResourceAsStream(CJK_FONT_RESOURCE)) {
            if (in == null) {
                fail("The CJK font " + CJK_FONT_RESOURCE + " is not on the test classpath; it comes from the test "
                        + "dependency com.github.xingfudeshi:jasperreports-fonts declared in bpmn/pom.xml.");
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            fontFamily = font.getFamily();
        }
        Font resolved = new Font(fontFamily, Font.BOLD, 11);
        assertThat(resolved.getFamily()).as("the registered CJK font is found by its family name").isEqualTo(fontFamily);
    }

    @ParameterizedTest
    @MethodSource("resources")
    void fontShowsEveryName(String resource) {
        Process process = BpmnTestModels.parse(resource).getMainProcess();
        Font font = new Font(fontFamily, Font.PLAIN, 11);

        assertThat(font.canDisplayUpTo(process.getName())).as(process.getName()).isEqualTo(-1);
        for (FlowElement element : process.getFlowElements()) {
            if (element.getName() != null) {
                assertThat(font.canDisplayUpTo(element.getName())).as("%s shows '%s'", fontFamily, element.getName())
                        .isEqualTo(-1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void rendersTheDiagramForDocs(String resource) throws IOException {
        BpmnModel model = BpmnTestModels.parse(resource);
        String processId = model.getMainProcess().getId();

        BufferedImage image = new LabelledDiagramGenerator(fontFamily).render(model);

        Path target = imagesFolder().resolve(processId + ".png");
        Files.createDirectories(target.getParent());
        assertThat(ImageIO.write(image, "png", target.toFile())).as("a PNG writer is available").isTrue();

        BufferedImage written = ImageIO.read(target.toFile());
        assertThat(written.getWidth()).as("width of %s", target).isGreaterThanOrEqualTo(700);
        assertThat(written.getHeight()).as("height of %s", target).isGreaterThanOrEqualTo(300);
        ColourCensus census = ColourCensus.of(written);
        assertThat(census.dominantShare()).as("share of the background colour in %s", target).isLessThan(0.97);
        assertThat(census.darkShare()).as("share of dark (line and text) pixels in %s", target).isGreaterThan(0.005);
        assertThat(census.distinctColours()).as("distinct colours in %s", target).isGreaterThan(50);
    }

    /** {@code docs/images/bpmn} of the repository this module lives in. */
    private static Path imagesFolder() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
        Path docs = module.resolve("../docs").normalize();
        assertThat(docs).as("the repository's docs folder, next to the bpmn module").isDirectory();
        return docs.resolve("images/bpmn");
    }

    private record ColourCensus(double dominantShare, double darkShare, int distinctColours) {

        static ColourCensus of(BufferedImage image) {
            Map<Integer, Integer> counts = new HashMap<>();
            long dark = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    counts.merge(rgb, 1, Integer::sum);
                    int luminance = ((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                    if (luminance < 128) {
                        dark++;
                    }
                }
            }
            double pixels = (double) image.getWidth() * image.getHeight();
            int dominant = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            return new ColourCensus(dominant / pixels, dark / pixels, counts.size());
        }
    }
}
