-- AlterEnum
ALTER TYPE "SyncIssueKind" ADD VALUE 'INTERNAL';

-- AlterTable
ALTER TABLE "SyncTask" ADD COLUMN     "failureCode" TEXT,
ADD COLUMN     "failureParams" JSONB;
