-- AlterTable
ALTER TABLE "SyncTask" ADD COLUMN     "leaseUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MerchantHealth" (
    "merchantId" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    "parcelFailedAt" TIMESTAMP(3),
    "stockFailedAt" TIMESTAMP(3),
    "openIssues" INTEGER NOT NULL DEFAULT 0,
    "retryingIssues" INTEGER NOT NULL DEFAULT 0,
    "affectedOrders" INTEGER NOT NULL DEFAULT 0,
    "affectedSkus" INTEGER NOT NULL DEFAULT 0,
    "issuesSince" TIMESTAMP(3),
    "nextRetryAt" TIMESTAMP(3),
    "lastResolvedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MerchantHealth_pkey" PRIMARY KEY ("merchantId")
);

-- CreateTable
CREATE TABLE "SyncFailureGroup" (
    "id" UUID NOT NULL,
    "merchantId" UUID NOT NULL,
    "groupKey" TEXT NOT NULL,
    "operation" "SyncOperation" NOT NULL,
    "reference" VARCHAR(32),
    "sku" TEXT,
    "httpStatus" INTEGER,
    "errorKind" TEXT,
    "message" TEXT,
    "count" INTEGER NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "lastAttemptId" UUID NOT NULL,
    "lastTaskId" UUID,
    "issueId" UUID,

    CONSTRAINT "SyncFailureGroup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SyncFailureGroup_merchantId_lastAt_idx" ON "SyncFailureGroup"("merchantId", "lastAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "SyncFailureGroup_merchantId_groupKey_key" ON "SyncFailureGroup"("merchantId", "groupKey");

-- CreateIndex
CREATE INDEX "SyncTask_status_leaseUntil_idx" ON "SyncTask"("status", "leaseUntil");

-- AddForeignKey
ALTER TABLE "MerchantHealth" ADD CONSTRAINT "MerchantHealth_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncFailureGroup" ADD CONSTRAINT "SyncFailureGroup_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
