package dev.keyless.preview.host;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action when the program makes its first call to the engine: the moment its build or
 * start-up is over and the program itself runs, which a long preview reports as a phase.
 */
final class FirstCall implements ServerInterceptor {
    private final AtomicBoolean called = new AtomicBoolean();
    private final Runnable action;

    FirstCall(Runnable action) {
        this.action = action;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        if (called.compareAndSet(false, true)) {
            action.run();
        }
        return next.startCall(call, headers);
    }
}
