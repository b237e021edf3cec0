-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "bmListingMissingSince" TIMESTAMP(3);
