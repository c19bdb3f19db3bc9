package io.progressledger.command.webhook;

import io.progressledger.command.RawHttp;
import io.progressledger.command.WebhookClient.Reply;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a request's headers at once, then its body one byte per {@link #PACE} on a thread of its own, until the
 * body is sent or the server closes the connection. Its pacing is the client's behaviour, not a wait on the
 * server.
 */
final class SlowClient implements AutoCloseable {

    private static final Duration PACE = Duration.ofMillis(300);

    /** A request to send: its headers and its body. */
    record Signed(Map<String, String> headers, byte[] body) {
    }

    private final Socket socket;
    private final Thread writer;
    private final AtomicInteger sent = new AtomicInteger();

    private SlowClient(Socket socket, byte[] body) {
        this.socket = socket;
        this.writer = new Thread(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    sent.incrementAndGet();
                    Thread.sleep(PACE.toMillis());
                }
            } catch (IOException | InterruptedException closed) {
                // The server closed the connection, or the test is done: the client stops.
            }
        }, "slow-client");
        writer.setDaemon(true);
        writer.start();
    }

    static SlowClient start(String from, int port, Signed request) throws IOException {
        return start(from, port, "/webhooks/toolzz", request.headers(), request.body(), request.body().length);
    }

    /** Sends the first {@code bytes} bytes of the body slowly, then nothing more. */
    static SlowClient start(String from, int port, String path, Map<String, String> headers, byte[] body,
                            int bytes) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(60_000);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nContent-Length: " + body.length + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return new SlowClient(socket, java.util.Arrays.copyOf(body, bytes));
    }

    /** The answer, read until the server closes the connection (which it must, for this to return). */
    Reply reply() {
        try {
            return RawHttp.reply(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int sent() {
        return sent.get();
    }

    @Override
    public void close() {
        writer.interrupt();
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
