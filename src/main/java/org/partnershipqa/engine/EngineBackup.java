package org.partnershipqa.engine;

import java.util.List;

/**
 * What a backup of the embedded engine holds (its files are an engine directory of their own).
 *
 * @param logBytes length of the copied log
 * @param logBlocks blocks in the copied log
 * @param firstPosition lowest log position copied (above 1 once the log was compacted), or -1 if empty
 * @param lastPosition highest log position copied, or -1 if empty
 * @param snapshotPositions positions of the copied engine state snapshots, newest first
 * @param clockOffsetMillis how far the engine clock had been moved forward
 */
public record EngineBackup(long logBytes, int logBlocks, long firstPosition, long lastPosition,
    List<Long> snapshotPositions, long clockOffsetMillis) {}
