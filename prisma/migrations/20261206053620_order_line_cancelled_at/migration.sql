-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "cancelledAt" TIMESTAMP(3);
