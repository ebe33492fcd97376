/**
 * What must survive a restart: each hall's event journal and the records beside it.
 *
 * <p>The embedded store (the default, no server to run) keeps a data folder like this:
 *
 * <pre>
 * &lt;data&gt;/journal/&lt;hall&gt;.log     one append-only journal per hall, locked while open
 * &lt;data&gt;/snapshots/&lt;hall&gt;.snap  the hall's latest snapshot, replaced whole by each save
 * &lt;data&gt;/records.log            users, devices, idempotency results..., shared by processes
 * &lt;data&gt;/records.lock           held only around each write to records.log
 * </pre>
 *
 * Both logs use one framing, {@code magic | length | seq | crc32c | payload}, so that after a
 * {@code kill -9} or a power cut the first short or mismatching frame marks where the writer
 * stopped; everything from there is cut off on open with a WARN (the cut bytes are kept beside the
 * journal as {@code <hall>.log.cut-<offset>-<millis>}), and nothing before it is lost, because a
 * write is acknowledged only after {@code FileChannel.force}. In a hall journal that holds only for
 * a torn tail: a bad frame with a valid frame after it is bad media, not a crash, and the journal
 * refuses to open ({@link cn.suixin.hall.store.JournalDamagedException}) until an operator repairs
 * it ({@link cn.suixin.hall.store.JournalFileDoctor}).
 *
 * <p>A snapshot file is {@code magic | seq | length | crc32c | image} ({@link
 * cn.suixin.hall.store.SnapshotFrame}), written to {@code <hall>.snap.tmp}, forced and renamed over
 * the old one, so a crash leaves one whole snapshot or the other. It is only a cache: one that is
 * short or fails its checksum is ignored with a WARN and the hall replays its whole journal.
 *
 * <p>File work runs on one dedicated thread per file ({@code SerialLane}), never on an event loop;
 * replies return on the caller's context. A Redis store (one stream per hall, fenced appends)
 * implements the same {@link cn.suixin.hall.store.JournalStore} contract.
 */
package cn.suixin.hall.store;
