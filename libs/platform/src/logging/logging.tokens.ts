/** The process's one root pino logger (pino.Logger), built from AppConfig by LoggingModule. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
