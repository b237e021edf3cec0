-- DropIndex
DROP INDEX "SyncFailureGroup_merchantId_lastAt_idx";

-- CreateIndex
CREATE INDEX "SyncFailureGroup_merchantId_lastAt_lastAttemptId_idx" ON "SyncFailureGroup"("merchantId", "lastAt" DESC, "lastAttemptId" DESC);
