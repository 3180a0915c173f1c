package dev.keyless.preview.host;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Answers a gRPC call from a future, turning a failure into a status the program's SDK reports. */
final class Replies {
    private Replies() {
    }

    static <T> void send(Supplier<CompletableFuture<T>> work, StreamObserver<T> observer) {
        CompletableFuture<T> future;
        try {
            future = work.get();
        } catch (RuntimeException e) {
            observer.onError(failure(e));
            return;
        }
        future.whenComplete((value, error) -> {
            if (error != null) {
                observer.onError(failure(error));
            } else {
                observer.onNext(value);
                observer.onCompleted();
            }
        });
    }

    static <T> void sendNow(T value, StreamObserver<T> observer) {
        observer.onNext(value);
        observer.onCompleted();
    }

    private static RuntimeException failure(Throwable error) {
        var cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return Status.INTERNAL.withDescription("simulated engine: " + cause).withCause(cause).asRuntimeException();
    }
}
