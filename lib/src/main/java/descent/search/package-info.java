/**
 * Searching for W without gradients: random search (best of K random W) and random local search
 * (keep a random step only if it lowers the loss). Both reproducible from a seed, both recording
 * their history.
 */
package descent.search;
