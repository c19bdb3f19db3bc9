/**
 * The published language of Progress Ledger: every fact the ledger records, as an immutable record with an Axon
 * revision. Both applications and every auditor read these shapes; change them only through a new revision and an
 * upcaster. Nothing here may depend on Spring.
 */
package io.progressledger.events;
