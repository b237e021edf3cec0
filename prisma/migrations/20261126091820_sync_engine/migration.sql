-- CreateEnum
CREATE TYPE "SyncOperation" AS ENUM ('ACCEPT', 'SHIP', 'STOCK');

-- CreateEnum
CREATE TYPE "SyncTaskStatus" AS ENUM ('QUEUED', 'SENT', 'ACCEPTED', 'VERIFIED', 'FAILED');

-- CreateEnum
CREATE TYPE "SyncAttemptOutcome" AS ENUM ('SUCCESS', 'ALREADY_APPLIED', 'TRANSIENT_FAILURE', 'PERMANENT_FAILURE');

-- CreateEnum
CREATE TYPE "SyncIssueStatus" AS ENUM ('OPEN', 'RETRYING', 'RESOLVED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "SyncIssueKind" AS ENUM ('NOT_FOUND', 'STATUS_ERROR', 'CREDENTIALS', 'CONNECTION', 'VALIDATION');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "addressCheckedAt" TIMESTAMP(3),
ADD COLUMN     "addressIssues" JSONB,
ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "shippedAt" TIMESTAMP(3),
ADD COLUMN     "validatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "bmListingId" TEXT;

-- CreateTable
CREATE TABLE "StockMovement" (
    "id" UUID NOT NULL,
    "merchantId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "quantityAfter" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncTask" (
    "id" UUID NOT NULL,
    "merchantId" UUID NOT NULL,
    "operation" "SyncOperation" NOT NULL,
    "orderId" UUID,
    "sku" TEXT,
    "status" "SyncTaskStatus" NOT NULL DEFAULT 'QUEUED',
    "dedupeKey" TEXT,
    "origin" TEXT NOT NULL,
    "requestedById" UUID,
    "payload" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "failureKind" TEXT,
    "failureMessage" TEXT,
    "preflight" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SyncTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncAttempt" (
    "id" UUID NOT NULL,
    "merchantId" UUID NOT NULL,
    "taskId" UUID,
    "operation" "SyncOperation" NOT NULL,
    "reference" VARCHAR(32),
    "sku" TEXT,
    "attempt" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "requestSummary" JSONB,
    "httpStatus" INTEGER,
    "outcome" "SyncAttemptOutcome" NOT NULL,
    "errorKind" TEXT,
    "bmError" JSONB,
    "message" TEXT,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncIssue" (
    "id" UUID NOT NULL,
    "merchantId" UUID NOT NULL,
    "operation" "SyncOperation" NOT NULL,
    "orderId" UUID,
    "reference" VARCHAR(32),
    "sku" TEXT,
    "kind" "SyncIssueKind" NOT NULL,
    "status" "SyncIssueStatus" NOT NULL DEFAULT 'OPEN',
    "groupKey" TEXT,
    "message" TEXT NOT NULL,
    "detail" JSONB,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextRetryAt" TIMESTAMP(3),
    "lastTaskId" UUID,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "dismissedAt" TIMESTAMP(3),
    "dismissedById" UUID,
    "dismissReason" TEXT,

    CONSTRAINT "SyncIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "tat" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "StockMovement_productId_createdAt_idx" ON "StockMovement"("productId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "SyncTask_dedupeKey_key" ON "SyncTask"("dedupeKey");

-- CreateIndex
CREATE INDEX "SyncTask_merchantId_createdAt_idx" ON "SyncTask"("merchantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "SyncTask_orderId_createdAt_idx" ON "SyncTask"("orderId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "SyncTask_status_nextAttemptAt_idx" ON "SyncTask"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SyncAttempt_merchantId_createdAt_idx" ON "SyncAttempt"("merchantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "SyncAttempt_merchantId_outcome_createdAt_idx" ON "SyncAttempt"("merchantId", "outcome", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "SyncAttempt_taskId_idx" ON "SyncAttempt"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "SyncIssue_groupKey_key" ON "SyncIssue"("groupKey");

-- CreateIndex
CREATE INDEX "SyncIssue_merchantId_status_lastSeenAt_idx" ON "SyncIssue"("merchantId", "status", "lastSeenAt" DESC);

-- CreateIndex
CREATE INDEX "SyncIssue_merchantId_lastSeenAt_idx" ON "SyncIssue"("merchantId", "lastSeenAt" DESC);

-- CreateIndex
CREATE INDEX "SyncIssue_orderId_idx" ON "SyncIssue"("orderId");

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncTask" ADD CONSTRAINT "SyncTask_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncTask" ADD CONSTRAINT "SyncTask_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncAttempt" ADD CONSTRAINT "SyncAttempt_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncAttempt" ADD CONSTRAINT "SyncAttempt_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SyncTask"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncIssue" ADD CONSTRAINT "SyncIssue_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
