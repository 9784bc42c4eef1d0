package dev.roster.kernel.internal;

import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Sql;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * {@link Retried}: around (outside) the transaction interceptor, so each attempt is a transaction
 * of its own. Three attempts, a few random milliseconds apart; when all lose, 409 {@code
 * concurrent-change}, which a client may retry.
 */
@Retried
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryInterceptor {

  static final int ATTEMPTS = 3;

  private static final Logger LOG = Logger.getLogger(RetryInterceptor.class.getName());

  @Resource TransactionSynchronizationRegistry transactions;

  @AroundInvoke
  Object retry(InvocationContext call) throws Exception {
    if (transactions.getTransactionKey() != null) {
      // inside a transaction someone else started: only they can run it again
      return call.proceed();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return call.proceed();
      } catch (Exception e) {
        if (!Sql.isTransient(e)) {
          throw e;
        }
        if (attempt == ATTEMPTS) {
          throw Problems.concurrentChange();
        }
        int next = attempt + 1;
        LOG.fine(() -> call.getMethod() + " lost to a concurrent transaction; attempt " + next);
        Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
      }
    }
  }
}
