package dev.roster.kernel;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a transactional method again when its transaction lost to a concurrent one (deadlock or
 * serialization failure): the whole transaction rolled back, so nothing was half done and running
 * it again is what a caller who came a moment later would have seen (ADR 0014). Only where the
 * method starts the transaction; inside someone else's, the failure goes up to whoever started it.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Retried {}
