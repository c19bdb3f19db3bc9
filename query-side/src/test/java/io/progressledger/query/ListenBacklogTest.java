package io.progressledger.query;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storm of new connections waits in the kernel's listen queue for Tomcat's acceptor: at Tomcat's default (100) the
 * benchmark's burst of 500 saw connections dropped (see application.yml).
 */
class ListenBacklogTest extends QuerySideTest {

    @Autowired
    private ServletWebServerApplicationContext server;

    @Test
    void the_listen_backlog_holds_a_storm_of_new_connections() {
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) ((TomcatWebServer) server.getWebServer()).getTomcat()
                .getConnector().getProtocolHandler();
        assertThat(protocol.getAcceptCount()).isEqualTo(1024);
    }
}
