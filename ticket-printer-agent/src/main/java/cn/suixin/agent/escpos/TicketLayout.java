package cn.suixin.agent.escpos;

/**
 * What goes on a queue ticket, already formatted for print (times as hall-local strings).
 *
 * @param greenChannelName null or empty for a regular ticket
 * @param followUrl null or empty to print no QR code
 */
public record TicketLayout(
    String hallName,
    String number,
    String matterName,
    int peopleAhead,
    int estimatedWaitMinutes,
    String windowsText,
    String issuedAt,
    String followUrl,
    boolean offline,
    String greenChannelName) {}
