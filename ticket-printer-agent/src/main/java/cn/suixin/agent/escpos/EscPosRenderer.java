package cn.suixin.agent.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back the ESC/POS subset that {@link EscPosWriter} emits, so simulators and tests can check
 * a ticket by its content instead of by its bytes. Unknown commands end the rendering.
 */
public final class EscPosRenderer {

  private final Charset charset;

  public EscPosRenderer(Charset charset) {
    this.charset = charset;
  }

  public RenderedTicket render(byte[] b) {
    List<String> lines = new ArrayList<>();
    List<String> qr = new ArrayList<>();
    List<String> barcodes = new ArrayList<>();
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int cuts = 0;
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      if (c == 0x0A) {
        lines.add(new String(text.toByteArray(), charset));
        text.reset();
        i++;
      } else if (c == 0x1B || c == 0x1C) {
        i += escOrFsLength(b, i);
      } else if (c == 0x1D) {
        int op = at(b, i + 1);
        if (op == 0x56) {
          cuts++;
          int m = at(b, i + 2);
          i += (m == 0x41 || m == 0x42) ? 4 : 3;
        } else if (op == 0x21) {
          i += 3;
        } else if (op == 0x28 && at(b, i + 2) == 0x6B) {
          int len = at(b, i + 3) | (at(b, i + 4) << 8);
          if (at(b, i + 6) == 0x50) {
            qr.add(new String(b, i + 8, len - 3, StandardCharsets.UTF_8));
          }
          i += 5 + len;
        } else if (op == 0x6B && at(b, i + 2) == 0x49) {
          int n = at(b, i + 3);
          barcodes.add(new String(b, i + 6, n - 2, StandardCharsets.US_ASCII));
          i += 4 + n;
        } else {
          break;
        }
      } else if (c == 0x10 && at(b, i + 1) == 0x04) {
        i += 3;
      } else {
        text.write(c);
        i++;
      }
    }
    if (text.size() > 0) {
      lines.add(new String(text.toByteArray(), charset));
    }
    return new RenderedTicket(lines, qr, barcodes, cuts);
  }

  private static int escOrFsLength(byte[] b, int i) {
    int op = at(b, i + 1);
    if ((b[i] & 0xFF) == 0x1C) {
      return op == 0x21 ? 3 : 2;
    }
    return op == 0x40 ? 2 : 3;
  }

  private static int at(byte[] b, int i) {
    return i < b.length ? b[i] & 0xFF : -1;
  }
}
