-- CreateIndex
CREATE INDEX "SyncIssue_merchantId_resolvedAt_idx" ON "SyncIssue"("merchantId", "resolvedAt");
