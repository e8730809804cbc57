// msgpackr catches this and uses its JavaScript decoder (see vendor/msgpackr-extract-disabled/package.json).
throw new Error('msgpackr-extract native acceleration is disabled in this build');
