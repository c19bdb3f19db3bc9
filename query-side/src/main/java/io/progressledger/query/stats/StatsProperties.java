package io.progressledger.query.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * @param zone where a day begins and ends for the daily statistics; changing it takes effect for events applied
 *             afterwards, so rebuild the {@code daily-activity} projection after a change
 */
@ConfigurationProperties("progress.stats")
public record StatsProperties(@DefaultValue("UTC") ZoneId zone) {
}
