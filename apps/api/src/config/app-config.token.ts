/** Injection token of the validated AppConfig (libs/config). */
export const APP_CONFIG = Symbol('APP_CONFIG');
