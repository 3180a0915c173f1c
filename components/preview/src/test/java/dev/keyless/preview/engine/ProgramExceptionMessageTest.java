package dev.keyless.preview.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramExceptionMessageTest {
    // Pulumi Java's own wording (DeploymentImpl.DefaultRunner), with a command line cut short.
    private static final String SDK_PREFIX = "Running program [PID: 4242](/usr/bin/java -cp /a.jar:/b.jar (x) com.acme.App)"
            + " failed with an unhandled exception:\n";

    @Test
    void putsTheInnermostCausesMessageFirstThenWhereItWasThrown() {
        var logged = SDK_PREFIX + """
                java.util.concurrent.CompletionException: dev.keyless.core.InvalidInputException: namespace must be a DNS-1123 label (<= 63 chars, [a-z0-9-]): 'Kube_System'
                \tat java.base/java.util.concurrent.CompletableFuture.encodeThrowable(CompletableFuture.java:315)
                \tat com.pulumi.internal.PulumiInternal.run(PulumiInternal.java:80)
                Caused by: dev.keyless.core.InvalidInputException: namespace must be a DNS-1123 label (<= 63 chars, [a-z0-9-]): 'Kube_System'
                \tat dev.keyless.core.Checks.dnsLabel(Checks.java:41)
                \tat com.acme.App.stack(App.java:30)
                \t... 12 more
                """;

        assertThat(ProgramExceptionMessage.of(logged)).contains("""
                namespace must be a DNS-1123 label (<= 63 chars, [a-z0-9-]): 'Kube_System'
                    at dev.keyless.core.Checks.dnsLabel(Checks.java:41) (dev.keyless.core.InvalidInputException)""");
    }

    @Test
    void keepsAMessageOfManyLinesWhole() {
        var logged = SDK_PREFIX + """
                dev.keyless.core.InvalidInputException: 2 problems in Pulumi.prod.yaml:
                  clusters.eu.region: missing
                  workloads.api.namespace: 'Api' is not a DNS-1123 label
                \tat com.acme.LandingZone.check(LandingZone.java:12)
                """;

        assertThat(ProgramExceptionMessage.of(logged)).contains("""
                2 problems in Pulumi.prod.yaml:
                  clusters.eu.region: missing
                  workloads.api.namespace: 'Api' is not a DNS-1123 label
                    at com.acme.LandingZone.check(LandingZone.java:12) (dev.keyless.core.InvalidInputException)""");
    }

    @Test
    void namesTheClassOfAnExceptionWithoutAMessage() {
        var logged = SDK_PREFIX + "java.lang.NullPointerException\n\tat com.acme.App.stack(App.java:7)\n";

        assertThat(ProgramExceptionMessage.of(logged))
                .contains("java.lang.NullPointerException\n    at com.acme.App.stack(App.java:7) (java.lang.NullPointerException)");
    }

    @Test
    void leavesEveryOtherErrorAsItIs() {
        assertThat(ProgramExceptionMessage.of("the bucket quota is exhausted")).isEmpty();
        assertThat(ProgramExceptionMessage.of("Running program took long\njava.lang.Error: x")).isEmpty();
    }

    @Test
    void theEngineRecordsTheShortFormOfAnUnhandledException() {
        var engine = new RecordingEngine();

        engine.record(pulumirpc.EngineOuterClass.LogRequest.newBuilder()
                .setSeverity(pulumirpc.EngineOuterClass.LogSeverity.ERROR)
                .setMessage(SDK_PREFIX + "java.lang.IllegalStateException: quota exhausted\n\tat com.acme.App.stack(App.java:30)\n")
                .build());

        assertThat(engine.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("quota exhausted\n    at com.acme.App.stack(App.java:30) (java.lang.IllegalStateException)");
    }
}
