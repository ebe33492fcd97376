package cn.suixin.agent.escpos;

import java.util.List;

/** What a printer would show for a stream of ESC/POS bytes: text lines, codes and cuts. */
public record RenderedTicket(
    List<String> lines, List<String> qrCodes, List<String> barcodes, int cuts) {

  public RenderedTicket {
    lines = List.copyOf(lines);
    qrCodes = List.copyOf(qrCodes);
    barcodes = List.copyOf(barcodes);
  }

  public String text() {
    return String.join("\n", lines);
  }
}
