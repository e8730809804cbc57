// Pure file readers shared by the importers (questions, staff accounts). Worker threads import
// these files by relative path: the package index would load Nest into them.
export * from './file-refused';
export * from './decode-text';
export * from './zip-guard';
export * from './sheet-rows';
export * from './formula';
