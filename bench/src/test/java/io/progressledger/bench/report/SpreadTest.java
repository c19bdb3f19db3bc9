package io.progressledger.bench.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadTest {

    @Test
    void the_median_of_an_odd_count_is_the_middle_run() {
        Spread spread = Spread.of(List.of(300.0, 89.0, 296.0));

        assertEquals(296.0, spread.median());
        assertEquals(89.0, spread.min());
        assertEquals(300.0, spread.max());
        assertEquals(List.of(300.0, 89.0, 296.0), spread.runs(), "runs stay in the order measured");
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertEquals(2.5, Spread.of(List.of(4.0, 1.0, 2.0, 3.0)).median());
    }

    @Test
    void a_run_without_a_value_is_left_out() {
        Spread spread = Spread.of(Arrays.asList(1.0, Double.NaN, null, 3.0));

        assertEquals(2.0, spread.median());
        assertEquals(2, spread.runs().size());
    }

    @Test
    void no_value_at_all_is_no_figure() {
        Spread spread = Spread.of(List.of(Double.NaN));

        assertTrue(Double.isNaN(spread.median()));
        assertEquals("—", spread.text("%.1f"));
    }

    @Test
    void the_text_gives_the_median_then_the_range() {
        assertEquals("0.31× (0.29–0.33)", Spread.of(List.of(0.29, 0.31, 0.33)).text("%.2f", "×"));
        assertEquals("529", Spread.of(List.of(529.0)).text("%.0f"));
    }
}
