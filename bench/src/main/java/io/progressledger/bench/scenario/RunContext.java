package io.progressledger.bench.scenario;

import io.progressledger.bench.Settings;
import io.progressledger.bench.launch.Applications;
import io.progressledger.bench.launch.Database;
import io.progressledger.bench.load.Catalog;
import io.progressledger.bench.load.DeliveryMix;
import io.progressledger.bench.load.Http;
import io.progressledger.bench.load.Progress;
import io.progressledger.bench.load.RateMeter;
import io.progressledger.bench.load.SenderPayloads;
import io.progressledger.bench.load.Tally;
import io.progressledger.bench.load.World;
import io.progressledger.bench.store.EventRows;
import io.progressledger.bench.store.LearnerKeys;
import io.progressledger.bench.store.EventStore;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.atomic.AtomicLong;

/** What every scenario of one run shares: the settings, the database, the synthetic world and its accounting. */
public final class RunContext {

    private final Settings settings;
    private final Database database;
    private final EventStore store;
    private final JsonMapper json;
    private final Catalog catalog;
    private final World world;
    private final DeliveryMix mix;
    private final EventRows rows;
    private final LearnerKeys keys;
    private final Tally tally;
    private final RateMeter meter = new RateMeter();
    private final Progress progress;
    private final Http http = new Http(3);
    private final AtomicLong bulkLoaded = new AtomicLong();
    private final AtomicLong statusCalls = new AtomicLong();
    private volatile Applications applications;
    private MemoryWatch memory;
    private CpuMeter cpu;

    public RunContext(Settings settings, Database database, JsonMapper json, Progress progress) {
        this.settings = settings;
        this.database = database;
        this.store = new EventStore(database);
        this.json = json;
        this.progress = progress;
        this.catalog = new Catalog(settings.seed());
        this.world = World.sizedFor(catalog, settings.events() + plannedDeliveries(settings));
        this.mix = new DeliveryMix(world, new SenderPayloads(catalog, json), settings.seed() + 1);
        this.keys = new LearnerKeys(database);
        this.rows = new EventRows(catalog, json, keys::seal);
        this.tally = new Tally(catalog);
    }

    /** Every delivery the run intends to send, so the world has room for them beside the bulk-loaded events. */
    private static long plannedDeliveries(Settings settings) {
        long perRepetition = (long) (settings.stepDeliveries() + settings.levelWarmupDeliveries()) * settings.concurrency().size()
                + (long) settings.stepDeliveries() * settings.scaleLevels().size() + settings.visibilitySamples();
        return settings.warmupDeliveries() * (long) settings.warmupRounds() + perRepetition * settings.repetitions();
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public EventStore store() {
        return store;
    }

    public JsonMapper json() {
        return json;
    }

    public Catalog catalog() {
        return catalog;
    }

    public World world() {
        return world;
    }

    public DeliveryMix mix() {
        return mix;
    }

    /** The bulk loader's rows, aggregates named as the build under test names them (learnt from its answers). */
    public EventRows rows() {
        return rows.withIdShape(tally.idShape().orElseThrow(() -> new IllegalStateException(
                "no accepted delivery named its aggregate in a known shape: the build's aggregate ids are unknown")));
    }

    public LearnerKeys keys() {
        return keys;
    }

    public Tally tally() {
        return tally;
    }

    public RateMeter meter() {
        return meter;
    }

    public Progress progress() {
        return progress;
    }

    public Http http() {
        return http;
    }

    public AtomicLong bulkLoaded() {
        return bulkLoaded;
    }

    public Applications applications() {
        if (applications == null) {
            throw new IllegalStateException("the applications are not running");
        }
        return applications;
    }

    public void applications(Applications started) {
        this.applications = started;
        this.memory = new MemoryWatch(started.commandSide().pid(), started.querySide().pid(), meter);
        this.cpu = new CpuMeter(started.commandSide().pid(), started.querySide().pid(), database, meter, statusCalls::get);
    }

    CpuMeter cpu() {
        return cpu;
    }

    /** Operator status calls the harness has made so far. */
    long statusCalls() {
        return statusCalls.get();
    }

    /** Stops the applications if they run; safe to call at any time, more than once. */
    public void stopApplications() {
        Applications running = applications;
        if (running != null) {
            running.close();
        }
    }

    public MemoryWatch memory() {
        return memory;
    }

    public QueryApi queryApi() {
        return new QueryApi(applications().querySide(), applications().credentials(), http, json, statusCalls);
    }
}
