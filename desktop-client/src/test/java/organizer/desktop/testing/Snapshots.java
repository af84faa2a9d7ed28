package organizer.desktop.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javax.imageio.ImageIO;

/** Writes a node as a PNG (snapshot → PixelReader → BufferedImage → ImageIO; no javafx-swing). FX thread only. */
public final class Snapshots {
    private Snapshots() {
    }

    public static void writePng(Node node, Path file) throws IOException {
        var image = node.snapshot(null, null);
        var width = (int) image.getWidth();
        var height = (int) image.getHeight();
        var pixels = image.getPixelReader();
        var buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (var y = 0; y < height; y++) {
            for (var x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", file.toFile());
    }
}
