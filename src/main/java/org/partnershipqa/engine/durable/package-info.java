/**
 * A durable embedded Zeebe engine: {@link org.partnershipqa.engine.durable.DurableEngineFactory}
 * wires the engine of {@code zeebe-process-test-engine} (same record processors, gRPC gateway,
 * controllable clock) over files in one directory instead of memory.
 *
 * <h2>Directory</h2>
 *
 * <ul>
 *   <li>{@code log.dat}: the engine's log. 16-byte header ({@code PQALOG01}, format version), then
 *       one frame per appended block: magic {@code BLK1}, payload length, lowest and highest
 *       position, CRC32C (over length, positions and payload), payload. Each frame is written and
 *       {@code fdatasync}ed before the log stream hears it was written/committed and before the
 *       stream processor can read it. On open the first short, mis-framed, out-of-sequence or
 *       checksum-failing frame ends the log: the rest is copied to {@code log.dat.torn-<millis>}
 *       and cut off.
 *   <li>{@code state/runtime}: the engine state (Zeebe's RocksDB store, as in a broker), discarded
 *       on every start. {@code state/snapshots/<position>}: RocksDB checkpoints, committed by an
 *       fsynced rename; start-up copies the newest usable one into {@code runtime} and replays
 *       only the log after it. After a snapshot the log below the oldest kept snapshot is dropped
 *       (the file is rewritten; the last block always stays).
 *   <li>{@code engine.properties}: the total {@code increaseTime} offset and a start counter
 *       (rewritten atomically: temp file, fsync, rename, directory fsync).
 *   <li>{@code engine.lock}: an OS lock; a second engine on the directory is refused.
 * </ul>
 *
 * <h2>Clock</h2>
 *
 * Engine time is system time plus the stored offset. {@code increaseTime} stores the new offset
 * before moving the clock; on start the offset is raised if engine time would be before the newest
 * record in the log. So timers due while the engine was down fire once, right after start.
 */
package org.partnershipqa.engine.durable;
