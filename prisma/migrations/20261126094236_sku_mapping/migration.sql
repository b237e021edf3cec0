-- CreateTable
CREATE TABLE "SkuMapping" (
    "id" UUID NOT NULL,
    "merchantId" UUID NOT NULL,
    "ourSku" TEXT NOT NULL,
    "bmSku" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SkuMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SkuMapping_merchantId_ourSku_key" ON "SkuMapping"("merchantId", "ourSku");

-- AddForeignKey
ALTER TABLE "SkuMapping" ADD CONSTRAINT "SkuMapping_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
