/** Small shared helpers: argument checks with messages that name the argument and the value. */
package descent.util;
