-- CreateTable
CREATE TABLE "ProposalInstance" (
    "id" TEXT NOT NULL,
    "machineVersion" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "stage" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProposalInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProposalInstance_stage_idx" ON "ProposalInstance"("stage");
