-- AlterTable
ALTER TABLE "WarehouseEvent" ADD COLUMN     "retryAt" TIMESTAMP(3);
