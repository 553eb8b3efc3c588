import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the two images of the demo content, so that they can be made again:
 * java tools/MakeDemoImages.java content
 * A hillside neighbourhood's risk map as a JPEG (textured, like a scanned drawing) and the
 * participatory budgeting cycle as a PNG (flat colours, like a diagram).
 */
public class MakeDemoImages {
    public static void main(String[] args) throws Exception {
        File content = new File(args.length > 0 ? args[0] : "content");
        riskMap(new File(content, "manuals/community-risk-maps/risk-map.jpg"));
        cycle(new File(content, "manuals/participatory-budgeting/budget-cycle.png"));
    }

    static void riskMap(File out) throws Exception {
        int w = 1600, h = 1000;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(236, 228, 206), w, h, new Color(214, 222, 196)));
        g.fillRect(0, 0, w, h);
        Random r = new Random(7);
        for (int i = 0; i < 9000; i++) { // paper grain, so the JPEG weighs what a scan weighs
            int v = 180 + r.nextInt(60);
            g.setColor(new Color(v, v - 10, v - 30, 40));
            g.fillRect(r.nextInt(w), r.nextInt(h), 2 + r.nextInt(3), 2 + r.nextInt(3));
        }
        g.setColor(new Color(200, 40, 30, 110)); // high risk: the slope above the river
        Path2D slope = new Path2D.Double();
        slope.moveTo(0, 420); slope.curveTo(400, 300, 800, 520, 1600, 380); slope.lineTo(1600, 560); slope.curveTo(900, 700, 400, 520, 0, 600); slope.closePath();
        g.fill(slope);
        g.setColor(new Color(240, 170, 30, 110)); // medium risk
        g.fill(new Ellipse2D.Double(950, 620, 480, 260));
        g.setColor(new Color(40, 110, 190)); // the river
        g.setStroke(new BasicStroke(26, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D river = new Path2D.Double();
        river.moveTo(0, 640); river.curveTo(500, 560, 900, 820, 1600, 700);
        g.draw(river);
        g.setColor(new Color(90, 90, 90)); // streets
        g.setStroke(new BasicStroke(8));
        for (int x = 120; x < w; x += 260) g.drawLine(x, 60, x + 80, 940);
        g.drawLine(40, 200, 1560, 240);
        g.drawLine(40, 860, 1560, 900);
        g.setColor(new Color(30, 120, 60)); // safe meeting points
        for (int[] p : new int[][] {{300, 160}, {1180, 190}, {720, 900}}) g.fill(new Ellipse2D.Double(p[0] - 22, p[1] - 22, 44, 44));
        g.setColor(new Color(40, 40, 40));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString("Barrio La Ladera", 60, 90);
        g.dispose();
        writeJpeg(img, out, 0.72f);
    }

    static void cycle(File out) throws Exception {
        int w = 1200, h = 800;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        String[] steps = {"1 Rules", "2 Assemblies", "3 Feasibility", "4 Vote", "5 Works", "6 Report"};
        Color[] colors = {new Color(11, 83, 148), new Color(30, 120, 60), new Color(150, 80, 0), new Color(120, 40, 120), new Color(160, 30, 30), new Color(60, 60, 60)};
        int cx = w / 2, cy = h / 2 + 20, rad = 280;
        g.setStroke(new BasicStroke(10));
        g.setColor(new Color(200, 200, 200));
        g.draw(new Ellipse2D.Double(cx - rad, cy - rad, 2 * rad, 2 * rad));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
        for (int i = 0; i < steps.length; i++) {
            double a = -Math.PI / 2 + i * 2 * Math.PI / steps.length;
            int x = (int) (cx + rad * Math.cos(a)), y = (int) (cy + rad * Math.sin(a));
            g.setColor(colors[i]);
            g.fillRoundRect(x - 110, y - 36, 220, 72, 24, 24);
            g.setColor(Color.WHITE);
            int tw = g.getFontMetrics().stringWidth(steps[i]);
            g.drawString(steps[i], x - tw / 2, y + 11);
        }
        g.setColor(new Color(27, 27, 27));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
        g.drawString("One year of participatory budgeting", 40, 60);
        g.dispose();
        ImageIO.write(img, "png", out);
    }

    static void writeJpeg(BufferedImage img, File out, float quality) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
    }
}
