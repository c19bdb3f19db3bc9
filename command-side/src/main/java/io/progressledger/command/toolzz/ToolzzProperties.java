package io.progressledger.command.toolzz;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/** @param zone the zone of Toolzz's local timestamps ({@code yyyy-MM-dd HH:mm:ss}, no offset) */
@ConfigurationProperties("progress.toolzz")
public record ToolzzProperties(@DefaultValue("America/Sao_Paulo") ZoneId zone) {
}
