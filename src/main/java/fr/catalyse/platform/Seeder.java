package fr.catalyse.platform;

/**
 * Reference or demo data written at start-up. Every implementation is idempotent: it runs
 * on every start of every node, inside one transaction that holds the cluster-wide
 * seeding lock. Seeders run in {@link org.springframework.core.annotation.Order} order.
 */
public interface Seeder {

    void seed();

}
