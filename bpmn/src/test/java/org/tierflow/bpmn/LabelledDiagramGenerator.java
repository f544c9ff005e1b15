package org.tierflow.bpmn;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.Process;
import org.flowable.image.impl.DefaultProcessDiagramCanvas;
import org.flowable.image.impl.DefaultProcessDiagramGenerator;

/**
 * Flowable's {@link DefaultProcessDiagramGenerator}, drawing every shape and edge exactly as the stock
 * generator does, with two additions for documentation pictures:
 * <ul>
 *   <li>the names of events and gateways, at their BPMNDI label positions (the stock generator draws
 *       only task and sequence-flow names, so gateway questions would be missing);</li>
 *   <li>a canvas that takes those labels into account and leaves a margin all round, on a white
 *       background (the stock PNG is cropped to the shapes and transparent).</li>
 * </ul>
 */
final class LabelledDiagramGenerator extends DefaultProcessDiagramGenerator {

    private static final int MARGIN = 20;

    private final String fontFamily;

    /** @param fontFamily the family used for task names and labels; must be able to show Chinese */
    LabelledDiagramGenerator(String fontFamily) {
        this.fontFamily = fontFamily;
    }

    BufferedImage render(BpmnModel model) {
        prepareBpmnModel(model);
        Rectangle2D bounds = boundsOf(model);
        int right = (int) Math.ceil(bounds.getMaxX()) + MARGIN;
        int bottom = (int) Math.ceil(bounds.getMaxY()) + MARGIN;
        // The canvas crops at (minX - 5, minY - 5).
        int minX = Math.max(5, (int) Math.floor(bounds.getMinX()) - MARGIN + 5);
        int minY = Math.max(5, (int) Math.floor(bounds.getMinY()) - MARGIN + 5);

        DefaultProcessDiagramCanvas canvas = new DefaultProcessDiagramCanvas(right, bottom, minX, minY, "png",
                fontFamily, fontFamily, fontFamily, null);
        try {
            for (Process process : model.getProcesses()) {
                List<FlowNode> nodes = process.findFlowElementsOfType(FlowNode.class);
                for (FlowNode node : nodes) {
                    // Events get their label below (next loop); the stock drawing of a catching event would also
                    // write its name across the event.
                    String name = node.getName();
                    if (node instanceof Event) {
                        node.setName(null);
                    }
                    drawActivity(canvas, model, node, List.of(), List.of(), 1.0, false);
                    node.setName(name);
                }
                for (org.flowable.bpmn.model.Artifact artifact : process.getArtifacts()) {
                    drawArtifact(canvas, model, artifact);
                }
                for (FlowNode node : nodes) {
                    GraphicInfo label = model.getLabelGraphicInfo(node.getId());
                    if ((node instanceof Event || node instanceof Gateway) && label != null && node.getName() != null) {
                        canvas.drawLabel(node.getName(), label, true);
                    }
                }
            }
            return onWhite(canvas.generateBufferedImage("png"));
        } finally {
            canvas.close();
        }
    }

    private static Rectangle2D boundsOf(BpmnModel model) {
        Rectangle2D bounds = null;
        List<GraphicInfo> all = new ArrayList<>(model.getLocationMap().values());
        all.addAll(model.getLabelLocationMap().values());
        model.getFlowLocationMap().values().forEach(all::addAll);
        for (GraphicInfo info : all) {
            Rectangle2D box = new Rectangle2D.Double(info.getX(), info.getY(), info.getWidth(), info.getHeight());
            bounds = bounds == null ? box : bounds.createUnion(box);
        }
        if (bounds == null) {
            throw new IllegalArgumentException("the model has no diagram interchange (BPMNDI) to draw");
        }
        return bounds;
    }

    private static BufferedImage onWhite(BufferedImage transparent) {
        BufferedImage opaque = new BufferedImage(transparent.getWidth(), transparent.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = opaque.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, opaque.getWidth(), opaque.getHeight());
            g.drawImage(transparent, 0, 0, null);
        } finally {
            g.dispose();
        }
        return opaque;
    }
}
