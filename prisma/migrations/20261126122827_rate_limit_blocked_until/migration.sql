-- AlterTable
ALTER TABLE "RateLimitBucket" ADD COLUMN     "blockedUntil" TIMESTAMP(3);
