package io.progressledger.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The traffic's mix, as the senders produce it: 70 % Phoenix steps and 30 % Toolzz completions, of which 5 % are
 * repeats of deliveries already accepted (a retry with the same {@code webhook-id}, or the same body re-sent under a
 * new one) and 1 % are invalid (a status in the wrong case, an impossible date, a truncated body, a forged
 * signature).
 */
public final class DeliveryMix {

    public static final double PHOENIX_SHARE = 0.70;
    public static final double DUPLICATE_SHARE = 0.05;
    public static final double INVALID_SHARE = 0.01;
    private static final int REMEMBERED = 4096;

    private final World world;
    private final SenderPayloads payloads;
    private final SplittableRandom random;
    private final List<Delivery> accepted = new ArrayList<>();
    private int invalidVariant;

    public DeliveryMix(World world, SenderPayloads payloads, long seed) {
        this.world = world;
        this.payloads = payloads;
        this.random = new SplittableRandom(seed);
    }

    /** The next delivery to send, or null when the world has no fact left to send. */
    public synchronized Delivery next() {
        double draw = random.nextDouble();
        if (draw < INVALID_SHARE) {
            Delivery invalid = invalid();
            if (invalid != null) {
                return invalid;
            }
        } else if (draw < INVALID_SHARE + DUPLICATE_SHARE && !accepted.isEmpty()) {
            return duplicate();
        }
        return fresh();
    }

    /** A fact for the bulk loader: the same mix of new facts, without repeats or invalid ones. */
    public synchronized Fact nextFact() {
        boolean phoenix = random.nextDouble() < PHOENIX_SHARE;
        Fact fact = phoenix ? world.reserveTalent(random) : world.reserveTrail(random);
        return fact != null ? fact : phoenix ? world.reserveTrail(random) : world.reserveTalent(random);
    }

    /** Remembers an accepted delivery so that it can be repeated later. */
    public synchronized void remember(Delivery delivery) {
        if (accepted.size() < REMEMBERED) {
            accepted.add(delivery);
        } else {
            accepted.set(random.nextInt(REMEMBERED), delivery);
        }
    }

    private Delivery fresh() {
        Fact fact = nextFact();
        if (fact == null) {
            return null;
        }
        return new Delivery(source(fact), body(fact), newId(), Delivery.Expect.ACCEPTED, fact, true, "new", false);
    }

    private Delivery duplicate() {
        Delivery original = accepted.get(random.nextInt(accepted.size()));
        boolean sameId = random.nextBoolean();
        return new Delivery(original.source(), original.body(), sameId ? original.webhookId() : newId(),
                Delivery.Expect.DUPLICATE, original.fact(), false, sameId ? "duplicate-same-id" : "duplicate-new-id",
                false);
    }

    private Delivery invalid() {
        Fact fact = nextFact();
        if (fact == null) {
            return null;
        }
        String valid = body(fact);
        int variant = invalidVariant++ % 4;
        return switch (variant) {
            case 0 -> new Delivery(source(fact), fact instanceof TalentStep step ? payloads.phoenixWithInvalidStatus(step)
                    : payloads.toolzzWithImpossibleDate((TrailStep) fact), newId(), Delivery.Expect.REJECTED, fact, true,
                    "invalid-content", false);
            case 1 -> new Delivery(source(fact), valid.substring(0, valid.length() / 2), newId(),
                    Delivery.Expect.REJECTED, fact, true, "invalid-truncated-json", false);
            default -> new Delivery(source(fact), valid, newId(), Delivery.Expect.REJECTED, fact, true,
                    "invalid-signature", true);
        };
    }

    private String body(Fact fact) {
        return fact instanceof TalentStep step ? payloads.phoenix(step) : payloads.toolzz((TrailStep) fact);
    }

    private static String source(Fact fact) {
        return fact instanceof TalentStep ? "phoenix" : "toolzz";
    }

    private String newId() {
        return "msg_" + new UUID(random.nextLong(), random.nextLong()).toString().replace("-", "");
    }
}
