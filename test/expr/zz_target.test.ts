class E extends Error {}
it('target', () => { const s: any = (process as any)[Symbol.for('ts-node.register.instance')]; console.log('instanceof', new E() instanceof E, s && s.config && s.config.options.target, s && s.configFilePath); });
