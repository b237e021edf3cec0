-- CreateIndex
CREATE INDEX "SkuMapping_merchantId_bmSku_idx" ON "SkuMapping"("merchantId", "bmSku");
