-- CreateIndex
CREATE INDEX "AuditEvent_merchantId_actorKind_at_id_idx" ON "AuditEvent"("merchantId", "actorKind", "at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "SyncTask_merchantId_status_nextAttemptAt_id_idx" ON "SyncTask"("merchantId", "status", "nextAttemptAt", "id");
