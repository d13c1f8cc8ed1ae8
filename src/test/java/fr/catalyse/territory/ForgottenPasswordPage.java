package fr.catalyse.territory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The « mot de passe oublié » form posted over HTTP from a client address of the test's
 * own: the page counts requests per client address, and the whole suite otherwise asks
 * from 127.0.0.1.
 */
final class ForgottenPasswordPage {

    private ForgottenPasswordPage() {
    }

    /**
     * A loopback address of its own, e.g. 127.83.12.201: the kernel delivers all of 127/8
     * locally.
     */
    static String loopbackAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    /**
     * Asks as a visitor from an address of their own would; fails unless the page gives
     * its usual answer.
     */
    static void ask(int port, String identifier) {
        String answer = post(port, loopbackAddress(), identifier);
        if (!answer.startsWith("HTTP/1.1 200") || !answer.contains("Si un compte correspond")) {
            throw new AssertionError("« Mot de passe oublié » a répondu autrement : " + answer);
        }
    }

    /**
     * Posts the page's form from that client address (a socket bound to it), as a browser
     * there would; the raw answer.
     */
    static String post(int port, String from, String identifier) {
        byte[] form = ("identifiant=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // HTTP/1.0: the answer is not chunked and the connection closes after it.
            out.write(("POST /mot-de-passe-oublie HTTP/1.0\r\nHost: localhost:" + port + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.write(form);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

}
