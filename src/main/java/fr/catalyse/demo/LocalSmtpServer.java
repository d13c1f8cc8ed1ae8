package fr.catalyse.demo;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

/**
 * GreenMail's SMTP server on 127.0.0.1, answering without delay. GreenMail writes each
 * line of a reply separately; with Nagle's algorithm on, the second line waits for the
 * client's delayed acknowledgement, about 45 ms per connection, hence per email (3 ms
 * with TCP_NODELAY).
 */
public class LocalSmtpServer extends GreenMail {

    public LocalSmtpServer(int port) {
        super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = super.createServices(config, managers);
        for (ServerSetup setup : config) {
            if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                    @Override
                    protected ProtocolHandler createProtocolHandler(Socket client) {
                        try {
                            client.setTcpNoDelay(true);
                        }
                        catch (SocketException closedMeanwhile) {
                            // the handler will see the closed socket
                        }
                        return super.createProtocolHandler(client);
                    }
                });
            }
        }
        return services;
    }

}
