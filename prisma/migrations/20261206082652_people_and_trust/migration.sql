-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('VIEWER', 'OPERATOR', 'ADMIN', 'STAFF');

-- CreateEnum
CREATE TYPE "UserTokenKind" AS ENUM ('INVITATION', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "AuditActorKind" AS ENUM ('USER', 'STAFF', 'API_KEY', 'WORKER', 'SYSTEM');

-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "bmConnectedAt" TIMESTAMP(3),
ADD COLUMN     "bmMarkets" TEXT[] DEFAULT ARRAY['fr-fr']::TEXT[],
ADD COLUMN     "bmTokenHint" VARCHAR(4),
ADD COLUMN     "bmTokenRefusal" JSONB,
ADD COLUMN     "bmTokenRefusedAt" TIMESTAMP(3),
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
ALTER COLUMN "bmTokenEncrypted" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "ipAddress" VARCHAR(64),
ADD COLUMN     "staffActing" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "staffMerchantId" UUID,
ADD COLUMN     "userAgent" VARCHAR(300);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "activatedAt" TIMESTAMP(3),
ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "invitedById" UUID,
ADD COLUMN     "role" "UserRole" NOT NULL DEFAULT 'VIEWER',
ADD COLUMN     "timeZone" TEXT,
ALTER COLUMN "merchantId" DROP NOT NULL,
ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "UserToken" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "UserTokenKind" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "merchantId" UUID,
    "actorKind" "AuditActorKind" NOT NULL,
    "actorId" VARCHAR(100),
    "actorName" VARCHAR(300) NOT NULL,
    "ipAddress" VARCHAR(64),
    "userAgent" VARCHAR(300),
    "action" VARCHAR(64) NOT NULL,
    "orderReference" VARCHAR(32),
    "subjectType" VARCHAR(40),
    "subjectId" VARCHAR(100),
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserToken_userId_kind_idx" ON "UserToken"("userId", "kind");

-- CreateIndex
CREATE INDEX "AuditEvent_merchantId_at_id_idx" ON "AuditEvent"("merchantId", "at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_merchantId_orderReference_at_idx" ON "AuditEvent"("merchantId", "orderReference", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_merchantId_action_at_idx" ON "AuditEvent"("merchantId", "action", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_merchantId_actorId_at_idx" ON "AuditEvent"("merchantId", "actorId", "at" DESC);

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below (Prisma has no syntax for these).

-- The users that existed could do everything: they become their merchant's admins, active since
-- they were created. Merchants keep their one market and count as connected since creation.
UPDATE "User" SET "role" = 'ADMIN', "activatedAt" = "createdAt";
UPDATE "Merchant" SET "bmMarkets" = ARRAY["bmMarket"], "bmConnectedAt" = "createdAt" WHERE "bmTokenEncrypted" IS NOT NULL;

-- Staff, and only staff, belong to no merchant.
ALTER TABLE "User" ADD CONSTRAINT "User_staff_has_no_merchant" CHECK (("role" = 'STAFF') = ("merchantId" IS NULL));

-- The audit is append-only: no UPDATE, no DELETE, whoever asks (TRUNCATE stays for a test database
-- or a retention job run by the database owner on purpose).
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
