package org.pramaan.cli;

import java.time.Clock;

/** A runtime that offers only its clock: the C2PA commands need nothing else, and any other use fails the test. */
final class ClockOnlyRuntime implements CliRuntime {
    private final Clock clock;

    ClockOnlyRuntime(Clock clock) {
        this.clock = clock;
    }

    private static AssertionError unused() {
        return new AssertionError("the c2pa commands use only the runtime's clock");
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public org.pramaan.intake.Screener screener() {
        throw unused();
    }

    @Override
    public org.pramaan.media.MediaProber prober() {
        throw unused();
    }

    @Override
    public org.pramaan.media.MediaLimits limits() {
        throw unused();
    }

    @Override
    public org.pramaan.hash.PdqHasher pdqHasher() {
        throw unused();
    }

    @Override
    public org.pramaan.media.decode.VideoDecoder videoDecoder() {
        throw unused();
    }

    @Override
    public org.pramaan.access.ApiKeys keys() {
        throw unused();
    }

    @Override
    public org.pramaan.cases.CaseService cases() {
        throw unused();
    }

    @Override
    public org.pramaan.cases.EvidenceBundles bundles() {
        throw unused();
    }

    @Override
    public org.pramaan.banks.BankCuration banks() {
        throw unused();
    }

    @Override
    public org.pramaan.audit.AuditLog audit() {
        throw unused();
    }

    @Override
    public org.pramaan.notify.DeliveryRepository deliveries() {
        throw unused();
    }

    @Override
    public org.pramaan.notify.Dispatcher dispatcher() {
        throw unused();
    }

    @Override
    public org.pramaan.intake.Intake intake() {
        throw unused();
    }

    @Override
    public CliRuntime scratch(java.nio.file.Path dataDir) {
        throw unused();
    }

    @Override
    public void serve(String host, int port) {
        throw unused();
    }

    @Override
    public void close() {}
}
