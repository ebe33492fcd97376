/**
 * The Redis store: what must survive a restart, kept in Redis so that any node can take a hall
 * over.
 *
 * <pre>
 * {hall:&lt;id&gt;}:events          Stream, entry id &lt;seq&gt;-0, field e = the event JSON, c = its CRC32C
 * {hall:&lt;id&gt;}:owner           Hash: token (the current owner's fencing token), node
 * {hall:&lt;id&gt;}:fence           counter the tokens are drawn from (INCR)
 * {hall:&lt;id&gt;}:snapshot        String: the latest snapshot, framed as {@code SnapshotFrame} says
 * {records}:&lt;collection&gt;       Hash: key -&gt; JSON value
 * {records}:&lt;collection&gt;:order Sorted set: key by the order it was first written
 * {records}::next             counter that order draws from
 * </pre>
 *
 * <p>Appends run one Lua script that refuses a writer whose token is not the owner's and a batch
 * that does not start at the stream's last seq + 1, then XADDs the batch, all atomically. Journal
 * writes share one dedicated pipelined connection, records another; reads use a small pool. Every
 * call has a timeout; a broken connection is closed with its whole client and replaced on the next
 * call, and the read pool likewise. Reading refuses any entry that is not what the writer wrote.
 */
package cn.suixin.hall.store.redis;
