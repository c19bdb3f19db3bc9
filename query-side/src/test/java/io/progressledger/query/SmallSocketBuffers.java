package io.progressledger.query;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The test server's sockets get a small send buffer (8 KB) instead of the loopback's autotuned megabytes, so that a
 * client that stops reading is felt at once, as over a real network: the slow-reader tests (export, live stream)
 * then prove what happens when writes cannot proceed, not how much the kernel can hold.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SmallSocketBuffers {

    @Bean
    TomcatConnectorCustomizer smallSendBuffers() {
        return connector -> connector.setProperty("socket.txBufSize", "8192");
    }
}
