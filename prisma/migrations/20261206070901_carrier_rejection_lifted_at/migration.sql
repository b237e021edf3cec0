-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "carrierRejectionLiftedAt" TIMESTAMP(3);
